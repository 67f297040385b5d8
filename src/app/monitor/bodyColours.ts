// Colours of the body map: a D3 scale from deep blue (very cold) through pale (the shivering and
// consciousness landmarks) to warm sand at 37 °C and red when hot. The stops sit on the landmarks the
// app teaches, so the colour of a compartment reads as a place on that ladder.

import { scaleLinear } from 'd3-scale';

/** Temperature landmarks, °C, with what happens there (the legend and the stops of the scale). */
export const LANDMARKS = [
  { tempC: 37, label: 'normal' },
  { tempC: 32, label: 'shivering stops' },
  { tempC: 28, label: 'heartbeat unreliable' },
  { tempC: 20, label: 'heart stops' },
] as const;

const STOPS_C = [0, 10, 20, 28, 32, 37, 40, 42];
const COLOURS = [
  '#0b1d5c', // freezing
  '#1f3f9e',
  '#2f78c4', // 20 °C: heart stops
  '#4fb0cf', // 28 °C
  '#a7d8d8', // 32 °C
  '#e8d6a4', // 37 °C: normal
  '#e88a4a',
  '#d63a2b', // hot
];

const scale = scaleLinear<string>().domain(STOPS_C).range(COLOURS).clamp(true);

/** Fill colour of a compartment at a temperature, °C. */
export function temperatureColour(tempC: number): string {
  return Number.isFinite(tempC) ? scale(tempC) : '#555';
}

/** Legend stops, from cold to warm, for a gradient bar: offset 0–1 along `fromC`–`toC`. */
export function legendStops(fromC: number, toC: number): { offset: number; colour: string }[] {
  const stops: { offset: number; colour: string }[] = [];
  for (let i = 0; i <= 10; i++) {
    const t = fromC + ((toC - fromC) * i) / 10;
    stops.push({ offset: i / 10, colour: scale(t) });
  }
  return stops;
}
