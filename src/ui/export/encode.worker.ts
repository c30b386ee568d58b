// Encodes an animation off the main thread: the page draws each picture and
// sends its pixels here; GIF through gifenc, WebM and MP4 through mediabunny
// and the browser's WebCodecs. Every picture becomes one frame. Which video
// codec a container gets depends on what this browser can encode (`probe`).
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import { CODEC_PREFERENCE, type EncodeRequest, type EncodeReply, type VideoCodecName, type VideoCodecs } from './encodeProtocol';

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

async function probe(width: number, height: number): Promise<VideoCodecs> {
  const { canEncodeVideo, QUALITY_HIGH } = await import('mediabunny');
  const first = async (codecs: readonly VideoCodecName[]) => {
    for (const c of codecs) if (await canEncodeVideo(c, { width, height, quality: QUALITY_HIGH })) return c;
    return null;
  };
  return { webm: await first(CODEC_PREFERENCE.webm), mp4: await first(CODEC_PREFERENCE.mp4) };
}

async function videoSink(container: 'webm' | 'mp4', codec: VideoCodecName, width: number, height: number): Promise<Sink> {
  const { Output, WebMOutputFormat, Mp4OutputFormat, BufferTarget, CanvasSource, QUALITY_HIGH } = await import('mediabunny');
  if (!CODEC_PREFERENCE[container].includes(codec)) throw new Error(`${codec} cannot go into ${container}`);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  const target = new BufferTarget();
  // MP4 with its index at the front ("fast start"), so players can begin before the whole file is read.
  const output = new Output({ format: container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(), target });
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
      return new Blob([target.buffer!], { type: container === 'mp4' ? 'video/mp4' : 'video/webm' });
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
      if (m.type === 'probe') reply({ type: 'codecs', codecs: await probe(m.width, m.height) });
      else if (m.type === 'start') {
        if (m.format !== 'gif' && !m.codec) throw new Error(`this browser cannot write ${m.format} video`);
        sink = m.format === 'gif' ? Promise.resolve(gifSink(m.width, m.height)) : videoSink(m.format, m.codec!, m.width, m.height);
      } else if (m.type === 'frame') {
        await (await sink!).add(new Uint8ClampedArray(m.pixels), m.durationMs);
        reply({ type: 'encoded', index: m.index });
      } else if (m.type === 'finish') reply({ type: 'done', blob: await (await sink!).finish() });
    })
    .catch((err: unknown) => reply({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
