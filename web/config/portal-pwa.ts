// The worker portal as an installable web app: its web manifest and the service worker that
// keeps the portal's shell (HTML, JS, CSS, icons) for offline use. Promises: the worker controls
// /portal pages only (the staff console is never controlled), it never caches an API answer
// (no runtime caching at all: only the build's own files are precached), and a new build
// replaces the old precache once the worker accepts the update (registerType 'prompt', so a
// half-filled form is never reloaded under the worker's thumb).
import type { Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import type { ManifestTransform } from 'workbox-build'

/** The portal's red (the --el-color-primary of src/styles/main.css) and its page grey. */
const THEME_COLOR = '#c8161d'
const BACKGROUND_COLOR = '#f5f6f8'

/** '/portal' without a trailing slash: the router's links to the portal's home are '/portal',
 *  and a scope of '/portal/' would leave that page outside the app (and uncontrolled). */
export const PORTAL_SCOPE = '/portal'

/** Modules whose chunks form the portal's shell: its layout and every portal view. */
const PORTAL_MODULE = /\/src\/(layouts\/PortalLayout\.vue|views\/portal\/)/

/**
 * The files the portal needs, computed from the bundle: the entry chunk, the portal's layout
 * and views, everything they import statically, and their CSS. Hand-written because the
 * console and the portal are one build, and a phone should not download the console's views
 * and charts (over half of the build) to open the portal offline; Workbox's globs cannot see
 * the import graph.
 */
export function portalShellFiles(): { plugin: Plugin; transform: ManifestTransform } {
  const shell = new Set<string>()
  const plugin: Plugin = {
    name: 'zhijia-portal-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      shell.clear()
      const pending: string[] = []
      for (const [file, out] of Object.entries(bundle)) {
        if (out.type !== 'chunk') continue
        if (out.isEntry || out.moduleIds.some((id) => PORTAL_MODULE.test(id))) pending.push(file)
      }
      while (pending.length > 0) {
        const file = pending.pop() as string
        if (shell.has(file)) continue
        shell.add(file)
        const out = bundle[file]
        if (out?.type !== 'chunk') continue
        pending.push(...out.imports)
        for (const css of out.viteMetadata?.importedCss ?? []) shell.add(css)
        for (const asset of out.viteMetadata?.importedAssets ?? []) shell.add(asset)
      }
    },
  }
  const transform: ManifestTransform = (entries) => {
    if (shell.size === 0) return { manifest: entries, warnings: ['portal shell unknown: precaching everything'] }
    // Built chunks and styles only when the portal uses them; public files (icons) and
    // index.html always.
    const manifest = entries.filter((e) => !/^assets\/.*\.(js|css)$/.test(e.url) || shell.has(e.url))
    return { manifest }
  }
  return { plugin, transform }
}

export function portalPwa(): Plugin[] {
  const shell = portalShellFiles()
  return [
    shell.plugin,
    ...VitePWA({
      registerType: 'prompt',
      // PortalLayout registers the worker (virtual:pwa-register/vue); the console never does.
      injectRegister: false,
      scope: PORTAL_SCOPE,
      manifestFilename: 'portal.webmanifest',
      // The icons come with the glob below; listing them again would precache them twice.
      includeManifestIcons: false,
      manifest: {
        id: '/portal/',
        name: '职工之家',
        short_name: '职工之家',
        description: '职工之家：在手机上提交诉求、查看进度、出示会员卡。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/portal/',
        scope: PORTAL_SCOPE,
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: [
          { src: '/pwa/pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/pwa/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/pwa/maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff,woff2}'],
        manifestTransforms: [shell.transform],
        // Fingerprinted files need no cache-busting query when precached.
        dontCacheBustURLsMatching: /^assets\//,
        // Offline, every portal page opens from the precached index.html; the router and the
        // page's own offline notice do the rest.
        navigateFallback: '/index.html',
        navigateFallbackAllowlist: [/^\/portal(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//],
        // Deliberately none: API answers carry personal data and must never be stored.
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
      },
    }),
  ]
}
