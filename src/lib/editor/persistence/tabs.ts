/**
 * Two tabs on the same diagram must not silently overwrite each other: each save is
 * announced on a BroadcastChannel, and a tab editing the same diagram is told.
 */
export interface SavedMessage {
  type: 'saved';
  diagram: string;
  tab: string;
  savedAt: number;
}

export class TabSync {
  readonly tab = Math.random().toString(36).slice(2);
  private channel: BroadcastChannel | null =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('stackdraw');

  /** Call `onOtherSave` for each save another tab announces. */
  listen(onOtherSave: (m: SavedMessage) => void): void {
    if (this.channel) {
      this.channel.onmessage = (e: MessageEvent<SavedMessage>) => {
        if (e.data?.type === 'saved' && e.data.tab !== this.tab) onOtherSave(e.data);
      };
    }
  }

  announce(diagram: string, savedAt: number) {
    this.channel?.postMessage({
      type: 'saved',
      diagram,
      tab: this.tab,
      savedAt
    } satisfies SavedMessage);
  }

  close() {
    this.channel?.close();
  }
}
