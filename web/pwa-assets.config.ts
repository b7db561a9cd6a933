// The portal's home-screen icons, drawn once from public/pwa/icon.svg (the favicon's house on
// the union red) by `npm run icons`; the PNGs it writes beside the SVG are committed, so a build
// needs no image tools. Maskable and Apple icons sit on a full red square with the house inside
// the safe zone (padding 0.3), since Android and iOS crop them to their own shapes.
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config'

const RED = '#c8161d'

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: {
    ...minimal2023Preset,
    transparent: { sizes: [192, 512], padding: 0, favicons: [] },
    maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: RED } },
    apple: { sizes: [180], padding: 0.3, resizeOptions: { background: RED } },
  },
  images: ['public/pwa/icon.svg'],
})
