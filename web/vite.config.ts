// Build of the web app: static files in dist/ that `qiangqu serve` serves at `/`.
// Element Plus is imported on demand (components and their CSS) by unplugin-vue-components.
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// Dev server only: where `npm run dev` forwards /api (a local `qiangqu serve`).
const apiTarget = process.env.QQ_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    Components({
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/typings/components.d.ts'
    })
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) }
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } }
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The chain map's graph library (AntV G6, ~1.6 MB) is one chunk, loaded only on 产业链.
    chunkSizeWarningLimit: 1700
  }
});
