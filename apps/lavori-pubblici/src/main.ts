import 'reflect-metadata';
import { runTheme } from '@interscambio/exchange';
import { lavoriPubbliciTheme } from './lavori-pubblici.theme';

void runTheme(lavoriPubbliciTheme);
