import 'reflect-metadata';
import { runTheme } from '@interscambio/exchange';
import { tributiTheme } from './tributi.theme';

void runTheme(tributiTheme);
