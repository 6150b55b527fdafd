import 'reflect-metadata';
import { runTheme } from '@interscambio/exchange';
import { ediliziaCatastoTheme } from './edilizia-catasto.theme';

void runTheme(ediliziaCatastoTheme);
