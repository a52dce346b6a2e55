import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from './zh-cn';
import enUS from './en-us';
import { enumKey, STAGE_ORDER } from '@/utils/enums';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

const zh = leaves(zhCN as unknown as Tree);
const en = leaves(enUS as unknown as Tree);

describe('locales', () => {
  it('en-us has exactly the keys of zh-cn', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('no message is empty and both languages use the same placeholders', () => {
    for (const [key, text] of zh) {
      expect(text.trim(), `zh ${key}`).not.toBe('');
      expect(en.get(key)?.trim(), `en ${key}`).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('no message uses vue-i18n special characters by accident', () => {
    for (const [key, text] of [...zh, ...en]) {
      expect(/[@|$]/.test(text), `${key}: ${text}`).toBe(false);
    }
  });

  it('names the menu areas as the brief does', () => {
    expect(Object.values(zhCN.menu)).toEqual(['总览', '运行监测', '产业集群', '产业链', '项目库', '企业库', '数据导入', '培育库', '企业服务', '招商', '园区', '文档', '设置']);
    expect(Object.values(enUS.menu)).toEqual([
      'Overview', 'Monitor', 'Clusters', 'Chains', 'Projects', 'Enterprises', 'Imports', 'Ladder', 'Services', 'Attraction', 'Parks', 'Documents', 'Settings'
    ]);
    expect(zhCN.placeholder.notBuilt).toBe('本模块尚未建设，将在后续版本提供。');
    expect(enUS.placeholder.notBuilt).toBe('This area is not built yet.');
  });

  it('has a message for every documented error code', () => {
    for (const code of ['unauthenticated', 'forbidden', 'out_of_scope', 'not_found', 'bad_request', 'bad_credentials', 'account_locked', 'csrf_failed', 'conflict', 'internal']) {
      expect(zh.has(`error.${code}`), code).toBe(true);
    }
  });

  it('every enum value maps to a key that exists, and zh labels are the API values', () => {
    for (const stage of STAGE_ORDER) {
      const key = enumKey('stage', stage)!;
      expect(zh.get(key)).toBe(stage);
      expect(en.has(key)).toBe(true);
    }
    for (const [kind, value] of [['tier', '千亿级'], ['tier', '百亿级'], ['role', '主导'], ['position', '下游'], ['level', '区级重点']] as const) {
      expect(zh.get(enumKey(kind, value)!)).toBe(value);
    }
    expect(enumKey('stage', '未知阶段')).toBeNull();
  });

  it('every literal key the source uses exists', () => {
    const root = join(__dirname, '..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(vue|ts)$/.test(name) && !/\.test\.ts$/.test(name) && !path.includes('locales')) files.push(path);
      }
    };
    walk(root);
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:t|\$t|te)\(\s*'([A-Za-z0-9_.]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/titleKey:\s*'([A-Za-z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !zh.has(key));
    expect(missing).toEqual([]);
  });
});
