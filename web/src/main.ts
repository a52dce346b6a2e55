// Entry: pinia, i18n, router; the request client learns the CSRF token from the auth store
// and sends the user to /login when the server answers 401.
import { createApp } from 'vue';
import App from './App.vue';
import { pinia, useAppStore, useAuthStore } from './store';
import { i18n, storedLang } from './locales';
import { router } from './router';
import { configureRequest } from './service/request';
import './styles/global.css';
import 'element-plus/theme-chalk/base.css';

configureRequest({
  getCsrfToken: () => useAuthStore(pinia).csrfToken,
  onUnauthorized: () => {
    const auth = useAuthStore(pinia);
    auth.clear();
    auth.checked = true;
    useAppStore(pinia).clearRegions();
    const current = router.currentRoute.value;
    if (current.name !== 'login') {
      void router.replace({ name: 'login', query: { redirect: current.fullPath } });
    }
  }
});

document.documentElement.lang = storedLang();

createApp(App).use(pinia).use(i18n).use(router).mount('#app');
