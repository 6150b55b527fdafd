import { OutputCapture } from './output-capture';

describe('OutputCapture', () => {
  it('keeps what is written on stdout, stderr and the console instead of printing it, in order', () => {
    const capture = OutputCapture.start();
    try {
      process.stdout.write('uno\n');
      process.stderr.write(Buffer.from('due\n'));
      console.warn('tre %d', 3);
      console.log({ quattro: 4 });
    } finally {
      capture.stop();
    }
    expect(capture.text).toBe('uno\ndue\ntre 3\n{ quattro: 4 }\n');
  });

  it('puts the streams and the console back when stopped', () => {
    const write = process.stdout.write;
    const warn = console.warn;
    const capture = OutputCapture.start();
    expect(process.stdout.write).not.toBe(write);
    capture.stop();
    expect(process.stdout.write).toBe(write);
    expect(console.warn).toBe(warn);
  });

  it('calls a write callback, as the stream would once the chunk is out', async () => {
    const capture = OutputCapture.start();
    try {
      await new Promise<void>((resolve) => process.stdout.write('cinque\n', () => resolve()));
    } finally {
      capture.stop();
    }
    expect(capture.text).toBe('cinque\n');
  });
});
