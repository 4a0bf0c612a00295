import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_RECORDING_MS } from './glossary-media-limits.js';

/** Records a short pronunciation from the microphone (MediaRecorder), for one language at a time. */
export class PronunciationRecorder implements ReactiveController {
  /** The language being recorded, if any. */
  recording: string | undefined;
  #recorder: MediaRecorder | undefined;
  #stopped: ((blob: Blob | undefined) => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `onRecorded` receives every recording, however it stopped (button, time limit, another language). */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onRecorded: (lang: string, blob: Blob) => void,
  ) {
    host.addController(this);
  }

  get supported(): boolean {
    return typeof MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  }

  /** Starts recording; false when the microphone is refused or missing. */
  async start(lang: string): Promise<boolean> {
    if (this.#recorder) await this.stop();
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const recorder = new MediaRecorder(stream);
      // Each recording keeps its own pieces, so a new one cannot take an old one's sound.
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      recorder.onstop = () => {
        stream.getTracks().forEach((track) => track.stop());
        const blob = chunks.length ? new Blob(chunks, { type: recorder.mimeType }) : undefined;
        if (blob) this.onRecorded(lang, blob);
        this.#stopped?.(blob);
        this.#stopped = undefined;
      };
      recorder.start();
      this.#recorder = recorder;
      this.recording = lang;
      this.#timer = setTimeout(() => void this.stop(), MAX_RECORDING_MS);
      this.host.requestUpdate();
      return true;
    } catch {
      return false;
    }
  }

  /** Stops and gives the recording. */
  stop(): Promise<Blob | undefined> {
    const recorder = this.#recorder;
    clearTimeout(this.#timer);
    this.#recorder = undefined;
    this.recording = undefined;
    this.host.requestUpdate();
    if (!recorder || recorder.state === 'inactive') return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.#stopped = resolve;
      recorder.stop();
    });
  }

  hostDisconnected(): void {
    void this.stop();
  }
}
