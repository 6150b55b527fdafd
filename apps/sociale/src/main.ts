import 'reflect-metadata';
import { runTheme } from '@interscambio/exchange';
import { socialeTheme } from './sociale.theme';

void runTheme(socialeTheme);
