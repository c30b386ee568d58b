// Encodes an animation off the main thread: the page draws each picture and
// sends its pixels here; GIF through gifenc, WebM (VP9, or VP8) through
// mediabunny and the browser's WebCodecs. Every picture becomes one frame.
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import type { EncodeRequest, EncodeReply } from './encodeProtocol';

type Sink = { add(pixels: Uint8ClampedArray<ArrayBuffer>, durationMs: number): Promise<void>; finish(): Promise<Blob> };

function gifSink(width: number, height: number): Sink {
  const gif = GIFEncoder();
  return {
    async add(pixels, durationMs) {
      const palette = quantize(pixels, 256, { format: 'rgb444' });
      gif.writeFrame(applyPalette(pixels, palette, 'rgb444'), width, height, { palette, delay: durationMs, repeat: 0 });
    },
    async finish() {
      gif.finish();
      return new Blob([gif.bytes().slice()], { type: 'image/gif' });
    },
  };
}

async function webmSink(width: number, height: number): Promise<Sink> {
  const { Output, WebMOutputFormat, BufferTarget, CanvasSource, QUALITY_HIGH, canEncodeVideo } = await import('mediabunny');
  const codec = (await canEncodeVideo('vp9', { width, height })) ? 'vp9' : 'vp8';
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const target = new BufferTarget();
  const output = new Output({ format: new WebMOutputFormat(), target });
  const source = new CanvasSource(canvas, { codec, bitrate: QUALITY_HIGH });
  output.addVideoTrack(source);
  await output.start();
  let at = 0;
  return {
    async add(pixels, durationMs) {
      ctx.putImageData(new ImageData(pixels, width, height), 0, 0);
      await source.add(at / 1000, durationMs / 1000);
      at += durationMs;
    },
    async finish() {
      source.close();
      await output.finalize();
      return new Blob([target.buffer!], { type: 'video/webm' });
    },
  };
}

let sink: Promise<Sink> | null = null;
let queue: Promise<unknown> = Promise.resolve();
const reply = (m: EncodeReply) => postMessage(m);

self.onmessage = (e: MessageEvent<EncodeRequest>) => {
  const m = e.data;
  queue = queue
    .then(async () => {
      if (m.type === 'start') sink = m.format === 'gif' ? Promise.resolve(gifSink(m.width, m.height)) : webmSink(m.width, m.height);
      else if (m.type === 'frame') {
        await (await sink!).add(new Uint8ClampedArray(m.pixels), m.durationMs);
        reply({ type: 'encoded', index: m.index });
      } else if (m.type === 'finish') reply({ type: 'done', blob: await (await sink!).finish() });
    })
    .catch((err: unknown) => reply({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
