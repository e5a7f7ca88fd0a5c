import { mount } from 'svelte';
import Bare from './Bare.svelte';

// ?n=300 nodes; ?w=…&h=… sizes the flow like the editor's canvas (default: the window);
// ?z=0.05 fits the view at that zoom (the editor's), centred on the nodes.
const query = new URLSearchParams(location.search);
const num = (name: string) => {
  const v = Number(query.get(name));
  return Number.isFinite(v) && v > 0 ? v : undefined;
};
const whole = (v: number | undefined) => (v === undefined ? undefined : Math.floor(v));

mount(Bare, {
  target: document.getElementById('app')!,
  props: {
    count: whole(num('n')) ?? 100,
    width: whole(num('w')),
    height: whole(num('h')),
    zoom: num('z')
  }
});
