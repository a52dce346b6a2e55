// The app's routes. Every area of the left menu is a child of the base layout, in menu order.
import type { RouteRecordRaw } from 'vue-router';
import type { Component } from 'vue';
import {
  Collection,
  DataAnalysis,
  Document,
  Files,
  Guide,
  Histogram,
  Monitor,
  OfficeBuilding,
  Place,
  Service,
  Setting,
  Share,
  Upload
} from '@element-plus/icons-vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Locale key of the page title (and its menu label). */
    titleKey?: string;
    /** Reachable without login. */
    public?: boolean;
    /** The menu icon. */
    icon?: Component;
  }
}

const placeholder = () => import('@/views/placeholder/index.vue');

/** The areas of the left menu, in order: path, route name, locale key, icon, view. */
export const menuRoutes: RouteRecordRaw[] = [
  { path: '/overview', name: 'overview', meta: { titleKey: 'menu.overview', icon: DataAnalysis }, component: () => import('@/views/overview/index.vue') },
  { path: '/monitor', name: 'monitor', meta: { titleKey: 'menu.monitor', icon: Monitor }, component: () => import('@/views/monitor/index.vue') },
  { path: '/clusters', name: 'clusters', meta: { titleKey: 'menu.clusters', icon: Histogram }, component: () => import('@/views/clusters/index.vue') },
  { path: '/chains', name: 'chains', meta: { titleKey: 'menu.chains', icon: Share }, component: () => import('@/views/chains/index.vue') },
  { path: '/projects', name: 'projects', meta: { titleKey: 'menu.projects', icon: Files }, component: () => import('@/views/projects/index.vue') },
  { path: '/enterprises', name: 'enterprises', meta: { titleKey: 'menu.enterprises', icon: OfficeBuilding }, component: () => import('@/views/enterprises/index.vue') },
  { path: '/imports', name: 'imports', meta: { titleKey: 'menu.imports', icon: Upload }, component: () => import('@/views/imports/index.vue') },
  { path: '/ladder', name: 'ladder', meta: { titleKey: 'menu.ladder', icon: Guide }, component: placeholder },
  { path: '/services', name: 'services', meta: { titleKey: 'menu.services', icon: Service }, component: placeholder },
  { path: '/attraction', name: 'attraction', meta: { titleKey: 'menu.attraction', icon: Collection }, component: () => import('@/views/attraction/index.vue') },
  { path: '/parks', name: 'parks', meta: { titleKey: 'menu.parks', icon: Place }, component: () => import('@/views/parks/index.vue') },
  { path: '/documents', name: 'documents', meta: { titleKey: 'menu.documents', icon: Document }, component: placeholder },
  { path: '/settings', name: 'settings', meta: { titleKey: 'menu.settings', icon: Setting }, component: placeholder }
];

/** Pages inside the layout that are not menu areas (reached by links). */
export const detailRoutes: RouteRecordRaw[] = [
  {
    path: '/enterprises/:uscc',
    name: 'enterprise-profile',
    meta: { titleKey: 'profile.title' },
    component: () => import('@/views/enterprise-profile/index.vue')
  },
  {
    path: '/projects/:id',
    name: 'project-profile',
    meta: { titleKey: 'projectProfile.title' },
    component: () => import('@/views/project-profile/index.vue')
  }
];

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    meta: { titleKey: 'login.title', public: true },
    component: () => import('@/views/login/index.vue')
  },
  {
    path: '/',
    component: () => import('@/layouts/base-layout/index.vue'),
    redirect: '/overview',
    children: [...menuRoutes, ...detailRoutes]
  },
  { path: '/:pathMatch(.*)*', redirect: '/overview' }
];
