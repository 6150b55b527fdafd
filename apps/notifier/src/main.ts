import 'reflect-metadata';
import { runNotifier } from '@interscambio/notifier';

void runNotifier();
