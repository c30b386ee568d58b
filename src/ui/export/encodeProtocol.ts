// Messages between the page and the encoding worker.
export type EncodeFormat = 'gif' | 'webm' | 'mp4';
/** The video codecs the export may use (mediabunny's names). */
export type VideoCodecName = 'avc' | 'av1' | 'vp9' | 'vp8';

/** Which codec each video container would get in this browser at a size; null: this browser cannot write it. */
export interface VideoCodecs {
  readonly webm: VideoCodecName | null;
  readonly mp4: VideoCodecName | null;
}

/** In order of preference. MP4: H.264 first, as every player opens it; then codecs that current players accept in MP4. */
export const CODEC_PREFERENCE: Readonly<Record<'webm' | 'mp4', readonly VideoCodecName[]>> = {
  webm: ['vp9', 'vp8'],
  mp4: ['avc', 'av1', 'vp9'],
};

export const CODEC_LABEL: Readonly<Record<VideoCodecName, string>> = { avc: 'H.264', av1: 'AV1', vp9: 'VP9', vp8: 'VP8' };

export type EncodeRequest =
  | { readonly type: 'probe'; readonly width: number; readonly height: number }
  | { readonly type: 'start'; readonly format: EncodeFormat; readonly codec: VideoCodecName | null; readonly width: number; readonly height: number }
  | { readonly type: 'frame'; readonly index: number; readonly pixels: ArrayBuffer; readonly durationMs: number }
  | { readonly type: 'finish' };

export type EncodeReply =
  | { readonly type: 'codecs'; readonly codecs: VideoCodecs }
  | { readonly type: 'encoded'; readonly index: number }
  | { readonly type: 'done'; readonly blob: Blob }
  | { readonly type: 'error'; readonly message: string };
