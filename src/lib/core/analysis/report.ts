import type { Lang } from '../i18n/lang';
import { josa } from '../i18n/josa';
import type { DiagramDocument } from '../model/types';
import { formatGiB, nodeName } from '../rules/messages/render';
import type { Analysis, Figures, ServiceState } from './failure';

/**
 * The failure analysis in words and as JSON (redundancy issue, sections 3 and 5): the
 * figures line the editor's status bar and `stackdraw analyze` print, the state words, the
 * text report and the JSON object of `stackdraw analyze --format json`.
 */

/** A number with at most two decimals: 4, 3.5, 2.33. */
export const formatNumber = (n: number): string => String(Math.round(n * 100) / 100);

/** The consolidation figures in one line: "2 machines · 8 VMs · 8 services · 4 services per machine". */
export function figuresLine(f: Figures, lang: Lang): string {
  if (lang === 'ko')
    return `물리 서버 ${f.machines}대 · VM ${f.guests}개 · 서비스 ${f.services}개 · 서버당 서비스 ${formatNumber(f.servicesPerMachine)}개`;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return [
    n(f.machines, 'machine', 'machines'),
    n(f.guests, 'VM', 'VMs'),
    n(f.services, 'service', 'services'),
    `${formatNumber(f.servicesPerMachine)} ${f.servicesPerMachine === 1 ? 'service' : 'services'} per machine`
  ].join(' · ');
}

/** "8 physical servers → 2 (4:1)": a consolidation's before and after. */
export function consolidationLine(before: number, after: number, lang: Lang): string {
  const ratio = after > 0 ? `${formatNumber(before / after)}:1` : '–';
  return lang === 'ko'
    ? `물리 서버 ${before}대 → ${after}대 (${ratio})`
    : `${before} physical ${before === 1 ? 'server' : 'servers'} → ${after} (${ratio})`;
}

export const STATE_WORDS: Readonly<Record<Lang, Record<ServiceState, string>>> = {
  en: {
    running: 'running',
    restarted: 'restarted (HA)',
    continues: 'continues (FT)',
    down: 'down'
  },
  ko: {
    running: '실행 중',
    restarted: '다시 시작됨(HA)',
    continues: '계속 실행(FT)',
    down: '중단'
  }
};

/**
 * `stackdraw analyze --format json`: one object, exactly as the redundancy issue's CLI
 * contract writes it: `machines`, `guests`, `services` (the count), `servicesPerMachine`,
 * `failed`, `services` (the list, `{id, state, on?}`), `hardware` (`{id, stops}`). The
 * contract names `services` twice; it is written twice, the count first, so a JSON parser
 * (which keeps the last) gives the list, and the count is still in the text.
 */
export function analysisJson(a: Analysis): string {
  const f = a.figures;
  const parts = [
    `"machines":${f.machines}`,
    `"guests":${f.guests}`,
    `"services":${f.services}`,
    `"servicesPerMachine":${JSON.stringify(f.servicesPerMachine)}`,
    `"failed":${JSON.stringify(a.failed)}`,
    `"services":${JSON.stringify(a.services.map((s) => (s.on === undefined ? { id: s.id, state: s.state } : { id: s.id, state: s.state, on: s.on })))}`,
    `"hardware":${JSON.stringify(a.hardware.map((h) => ({ id: h.id, stops: h.stops })))}`
  ];
  return `{${parts.join(',')}}`;
}

/** The text report of `stackdraw analyze`: lines without a trailing newline. */
export function analysisText(a: Analysis, doc: DiagramDocument, lang: Lang): string[] {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const q = (id: string) => `"${nodeName(byId.get(id), id)}"`;
  const list = (ids: readonly string[]) => ids.map(q).join(', ');
  const ko = lang === 'ko';
  const out: string[] = [figuresLine(a.figures, lang)];
  const memory = a.memory
    .filter((m) => m.capacityGiB !== undefined || m.usedGiB > 0)
    .map((m) => {
      const used = `${formatGiB(m.usedGiB)}${m.known ? '' : '+'}`;
      return m.capacityGiB === undefined
        ? `${q(m.id)} ${used}`
        : ko
          ? `${q(m.id)} ${formatGiB(m.capacityGiB)} 중 ${used}`
          : `${q(m.id)} ${used} of ${formatGiB(m.capacityGiB)}`;
    });
  if (memory.length) out.push(`${ko ? '메모리' : 'Memory'}: ${memory.join(', ')}`);

  if (a.failed.length) {
    out.push(
      ko
        ? `${josa(list(a.failed), '이/가')} 고장 나면:`
        : `When ${list(a.failed)} ${a.failed.length === 1 ? 'fails' : 'fail'}:`
    );
    for (const s of a.services) {
      if (s.mirror) continue;
      const where = s.on === undefined ? '' : ko ? ` (${q(s.on)})` : ` on ${q(s.on)}`;
      out.push(`  ${q(s.id)}: ${STATE_WORDS[lang][s.state]}${where}`);
    }
    for (const u of a.unplaced)
      out.push(
        ko
          ? `  ${q(u.guest)}: 다시 시작할 ${u.reason === 'memory' ? '여유 메모리' : '호스트'}가 없습니다`
          : `  ${q(u.guest)}: no ${u.reason === 'memory' ? 'free memory' : 'host'} to restart on`
      );
    if (a.services.length === 0) out.push(ko ? '  서비스가 없습니다' : '  no services');
  }

  out.push(ko ? '기계 하나만 고장 나면:' : 'If one machine fails alone:');
  for (const h of a.hardware)
    out.push(
      h.stops.length
        ? ko
          ? `  ${q(h.id)}: ${josa(list(h.stops), '이/가')} 멈춤`
          : `  ${q(h.id)}: ${list(h.stops)} ${h.stops.length === 1 ? 'stops' : 'stop'}`
        : ko
          ? `  ${q(h.id)}: 모든 서비스가 계속 실행됨`
          : `  ${q(h.id)}: every service keeps running`
    );
  if (a.hardware.length === 0) out.push(ko ? '  기계가 없습니다' : '  no machines');
  return out;
}
