// The signed-in user's role as the pages name it ("分析员" / "Analyst"): the locale's name for
// the role, else the server's label, else the role's code.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useAuthStore } from '@/store';

export function useRoleName() {
  const { t, te } = useI18n();
  const auth = useAuthStore();
  return computed(() => {
    const role = auth.user?.role ?? '';
    return te(`role.${role}`) ? t(`role.${role}`) : (auth.user?.role_label ?? role);
  });
}
