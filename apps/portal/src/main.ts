import 'reflect-metadata';
import { runPortal } from '@interscambio/portal';

void runPortal();
