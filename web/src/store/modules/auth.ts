// The session: the logged-in user and the CSRF token for non-GET requests.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchLogin, fetchLogout, fetchMe } from '@/service/api';
import { isApiError } from '@/service/request';
import type { LoginRequest, User } from '@/typings/api/auth';

export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null);
  const csrfToken = ref<string | null>(null);
  /** Whether /auth/me was asked once since the page loaded. */
  const checked = ref(false);

  const isLoggedIn = computed(() => user.value !== null);

  function setSession(next: { user: User; csrf_token: string }) {
    user.value = next.user;
    csrfToken.value = next.csrf_token;
    checked.value = true;
  }

  function clear() {
    user.value = null;
    csrfToken.value = null;
  }

  /** Asks the server for the current session once; false when there is none. */
  async function ensureSession(): Promise<boolean> {
    if (checked.value) return isLoggedIn.value;
    try {
      setSession(await fetchMe());
    } catch (e) {
      clear();
      // Only a 401 settles it; after a network failure the next navigation asks again.
      if (!isApiError(e) || e.status !== 401) throw e;
      checked.value = true;
    }
    return isLoggedIn.value;
  }

  /** Logs in; throws ApiError (bad_credentials, account_locked, ...). */
  async function login(body: LoginRequest): Promise<User> {
    const session = await fetchLogin(body);
    setSession(session);
    return session.user;
  }

  /** Ends the session on the server (best effort) and forgets it here. */
  async function logout(): Promise<void> {
    try {
      await fetchLogout();
    } catch {
      // The session may already be gone; the user is logged out here either way.
    } finally {
      clear();
      checked.value = true;
    }
  }

  return { user, csrfToken, checked, isLoggedIn, setSession, clear, ensureSession, login, logout };
});
