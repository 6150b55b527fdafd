import 'reflect-metadata';
import { runTheme } from '@interscambio/exchange';
import { culturaTheme } from './cultura.theme';

void runTheme(culturaTheme);
