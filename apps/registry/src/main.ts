import 'reflect-metadata';
import { runRegistry } from '@interscambio/registry';

void runRegistry();
