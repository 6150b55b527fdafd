import 'reflect-metadata';
import { runTheme } from '@interscambio/exchange';
import { lavoroFormazioneTheme } from './lavoro-formazione.theme';

void runTheme(lavoroFormazioneTheme);
