import 'reflect-metadata';
import { runTheme } from '@interscambio/exchange';
import { ambienteTerritorioTheme } from './ambiente-territorio.theme';

void runTheme(ambienteTerritorioTheme);
