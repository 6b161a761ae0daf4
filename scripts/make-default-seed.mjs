#!/usr/bin/env node
// Draws the bundled first seed (public/default-seed.png): a 3:2 landscape, so that every view
// that shows seeds is exercised with a non-square picture from the first run on.
// Run once; the PNG is committed. `node scripts/make-default-seed.mjs`
import sharp from "sharp";

const W = 1536;
const H = 1024;

function trees(baseY, count, seed) {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  let out = "";
  for (let i = 0; i < count; i++) {
    const x = rnd() * W;
    const h = 40 + rnd() * 70;
    const y = baseY + rnd() * 60;
    out += `<polygon points="${x},${y - h} ${x - h / 3},${y} ${x + h / 3},${y}" fill="#1f4d3a" opacity="${0.75 + rnd() * 0.25}"/>`;
  }
  return out;
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2b3a67"/><stop offset="0.45" stop-color="#e07a5f"/><stop offset="0.62" stop-color="#f2cc8f"/>
    </linearGradient>
    <linearGradient id="lake" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#f2cc8f" stop-opacity="0.9"/><stop offset="1" stop-color="#3d5a80"/>
    </linearGradient>
    <radialGradient id="sun" cx="0.5" cy="0.5" r="0.5">
      <stop offset="0" stop-color="#fff7d6"/><stop offset="0.6" stop-color="#ffd166"/><stop offset="1" stop-color="#ffd166" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  <circle cx="1060" cy="520" r="150" fill="url(#sun)"/>
  <path d="M0 560 L180 380 L330 500 L520 300 L700 520 L860 420 L1040 560 L1220 360 L1400 500 L1536 420 L1536 640 L0 640 Z" fill="#5b4b8a" opacity="0.85"/>
  <path d="M0 600 L240 470 L420 590 L640 440 L820 600 L1010 500 L1200 610 L1380 480 L1536 560 L1536 660 L0 660 Z" fill="#3d405b"/>
  <rect y="640" width="${W}" height="${H - 640}" fill="url(#lake)"/>
  <ellipse cx="1060" cy="700" rx="220" ry="14" fill="#fff1c1" opacity="0.55"/>
  <ellipse cx="1060" cy="740" rx="150" ry="9" fill="#fff1c1" opacity="0.4"/>
  <path d="M0 820 C 300 760, 520 800, 760 850 S 1200 800, 1536 780 L1536 1024 L0 1024 Z" fill="#2d6a4f"/>
  <path d="M0 900 C 260 860, 600 900, 900 930 S 1300 880, 1536 900 L1536 1024 L0 1024 Z" fill="#1b4332"/>
  ${trees(820, 26, 7)}
  <path d="M200 1024 C 420 940, 640 960, 780 1024 Z" fill="#e9c46a" opacity="0.8"/>
</svg>`;

await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile("public/default-seed.png");
console.log("wrote public/default-seed.png", W, "x", H);
