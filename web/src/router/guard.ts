// Navigation guard: on the first navigation ask GET /auth/me; without a session every page
// but /login goes to /login (?redirect= the page asked for); with one, /login goes home and
// the region switcher is initialised before the first page renders.
import type { Router } from 'vue-router';
import { pinia, useAppStore, useAuthStore } from '@/store';
import { $t } from '@/locales';
import { safeRedirect } from '@/utils/redirect';

/** The document title for a page's title key: "总览 · 强区 qiangqu". */
export function pageTitle(titleKey: string | undefined): string {
  return titleKey ? `${$t(titleKey)} · ${$t('app.fullName')}` : $t('app.fullName');
}

export function setupGuard(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore(pinia);
    const app = useAppStore(pinia);
    let loggedIn = false;
    try {
      loggedIn = await auth.ensureSession();
    } catch {
      loggedIn = false; // server unreachable: the login page says so when used
    }
    if (to.meta.public) {
      if (to.name === 'login' && loggedIn) return safeRedirect(to.query.redirect);
      return true;
    }
    if (!loggedIn || !auth.user) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    await app.initRegions(auth.user);
    return true;
  });

  router.afterEach((to) => {
    document.title = pageTitle(to.meta.titleKey);
  });
}
