// The till's beeps (WebAudio, nothing to load): a short high one for a good scan, a low
// double one for a refusal, so the cashier hears the result without looking. Browsers allow
// sound only after the page was touched once; before that they fail silently.

function beep(tones: { frequency: number; at: number; length: number }[], volume: number): void {
  try {
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return;
    const audio = new Ctor();
    const gain = audio.createGain();
    gain.gain.value = volume;
    gain.connect(audio.destination);
    for (const tone of tones) {
      const osc = audio.createOscillator();
      osc.type = "square";
      osc.frequency.value = tone.frequency;
      osc.connect(gain);
      osc.start(audio.currentTime + tone.at);
      osc.stop(audio.currentTime + tone.at + tone.length);
    }
    setTimeout(() => void audio.close().catch(() => undefined), 600);
  } catch {
    // No sound on this device: the status line says the same.
  }
}

export const playScanBeep = () => beep([{ frequency: 1760, at: 0, length: 0.06 }], 0.05);
export const playErrorBeep = () =>
  beep(
    [
      { frequency: 220, at: 0, length: 0.12 },
      { frequency: 220, at: 0.18, length: 0.12 },
    ],
    0.08,
  );
