// Draw every planned picture of a range off screen, rasterise it at a slide size
// and hand the pixels to the encoding worker. Progress is reported per picture
// encoded; an abort stops drawing and ends the worker.
import type { TFunction } from 'i18next';
import type { PlaySession } from '../model/session';
import type { Lang } from '../store/playerState';
import { svgText } from '../picture/exportPicture';
import { layoutFor, pictureDrawer } from '../embed/drawPicture';
import { planAnimation } from './plan';
import type { EncodeFormat, EncodeReply, EncodeRequest, VideoCodecName } from './encodeProtocol';

export interface AnimationJob {
  readonly session: PlaySession;
  readonly from: number;
  readonly to: number;
  readonly width: number;
  readonly height: number;
  readonly format: EncodeFormat;
  /** The video codec (from probeVideoCodecs); null for GIF. */
  readonly codec: VideoCodecName | null;
  readonly lang: Lang;
  readonly t: TFunction;
  readonly onProgress: (done: number, total: number) => void;
  readonly signal: AbortSignal;
}

async function rasterize(svg: SVGSVGElement, ctx: CanvasRenderingContext2D, width: number, height: number): Promise<Uint8ClampedArray> {
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the picture could not be rendered'));
      img.src = url;
    });
    const w = Number(svg.getAttribute('width'));
    const h = Number(svg.getAttribute('height'));
    const scale = Math.min(width / w, height / h);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, (width - w * scale) / 2, (height - h * scale) / 2, w * scale, h * scale);
    return ctx.getImageData(0, 0, width, height).data;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportAnimation(job: AnimationJob): Promise<Blob> {
  const plan = planAnimation(job.from, job.to);
  const worker = new Worker(new URL('./encode.worker.ts', import.meta.url), { type: 'module' });
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-100000px;top:0;width:1200px;';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'picture-svg');
  host.appendChild(svg);
  document.body.appendChild(host);
  const canvas = document.createElement('canvas');
  canvas.width = job.width;
  canvas.height = job.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const send = (m: EncodeRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  try {
    const result = new Promise<Blob>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<EncodeReply>) => {
        const m = e.data;
        if (m.type === 'encoded') job.onProgress(m.index + 1, plan.length);
        else if (m.type === 'done') resolve(m.blob);
        else if (m.type === 'error') reject(new Error(m.message));
      };
      worker.onerror = (e) => reject(new Error(e.message || 'the encoder failed'));
      job.signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')), { once: true });
    });
    // Only settle the promise's rejection once someone awaits it.
    result.catch(() => undefined);
    send({ type: 'start', format: job.format, codec: job.codec, width: job.width, height: job.height });
    const drawer = pictureDrawer(job.session, layoutFor(job.session, 1200));
    for (let i = 0; i < plan.length; i++) {
      if (job.signal.aborted) break;
      const p = plan[i];
      drawer.draw(svg, p.frame, { animating: p.animating, progress: p.progress, selectedMail: null, lang: job.lang, t: job.t });
      const pixels = await rasterize(svg, ctx, job.width, job.height);
      send({ type: 'frame', index: i, pixels: pixels.buffer as ArrayBuffer, durationMs: p.durationMs }, [pixels.buffer as ArrayBuffer]);
    }
    if (!job.signal.aborted) send({ type: 'finish' });
    return await result;
  } finally {
    worker.terminate();
    host.remove();
  }
}
