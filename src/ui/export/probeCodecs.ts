// Which video codecs this browser can encode at a size, asked of the encoding
// worker (mediabunny's own check, off the main thread), so the export offers
// only what will work and says which codec MP4 will hold.
import type { EncodeReply, EncodeRequest, VideoCodecs } from './encodeProtocol';

const known = new Map<string, Promise<VideoCodecs>>();

export function probeVideoCodecs(width: number, height: number): Promise<VideoCodecs> {
  const key = `${width}x${height}`;
  let p = known.get(key);
  if (!p) {
    p = new Promise<VideoCodecs>((resolve) => {
      if (typeof VideoEncoder === 'undefined') return resolve({ webm: null, mp4: null });
      const worker = new Worker(new URL('./encode.worker.ts', import.meta.url), { type: 'module' });
      const done = (codecs: VideoCodecs) => {
        worker.terminate();
        resolve(codecs);
      };
      worker.onmessage = (e: MessageEvent<EncodeReply>) => done(e.data.type === 'codecs' ? e.data.codecs : { webm: null, mp4: null });
      worker.onerror = () => done({ webm: null, mp4: null });
      worker.postMessage({ type: 'probe', width, height } satisfies EncodeRequest);
    });
    known.set(key, p);
  }
  return p;
}
