export { createProbeTable, Probe } from './probe.entity';
