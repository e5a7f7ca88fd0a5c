/**
 * The shipped examples (static/examples/*.json) as checked documents, for the layout and
 * export tests. Imported as JSON modules, so the core's tests need no file system.
 */
import consolidation from '../../../../static/examples/consolidation.json';
import dedicatedServer from '../../../../static/examples/dedicated-server.json';
import mistakeServiceOnHypervisor from '../../../../static/examples/mistake-service-on-hypervisor.json';
import mistakeTwoOses from '../../../../static/examples/mistake-two-oses.json';
import mistakeType2OnBareMetal from '../../../../static/examples/mistake-type2-on-bare-metal.json';
import nestedLab from '../../../../static/examples/nested-lab.json';
import type1Esxi from '../../../../static/examples/type1-esxi.json';
import type2Virtualbox from '../../../../static/examples/type2-virtualbox.json';
import redundancyConsolidatedHaEn from '../../../../static/examples/redundancy-consolidated-ha.en.json';
import redundancyConsolidatedHaKo from '../../../../static/examples/redundancy-consolidated-ha.ko.json';
import redundancyDedicated8En from '../../../../static/examples/redundancy-dedicated-8.en.json';
import redundancyDedicated8Ko from '../../../../static/examples/redundancy-dedicated-8.ko.json';
import redundancyFtPairEn from '../../../../static/examples/redundancy-ft-pair.en.json';
import redundancyFtPairKo from '../../../../static/examples/redundancy-ft-pair.ko.json';
import redundancyHaCapacityEn from '../../../../static/examples/redundancy-ha-capacity.en.json';
import redundancyHaCapacityKo from '../../../../static/examples/redundancy-ha-capacity.ko.json';
import redundancyHaRestartEn from '../../../../static/examples/redundancy-ha-restart.en.json';
import redundancyHaRestartKo from '../../../../static/examples/redundancy-ha-restart.ko.json';
import { checkDocument } from '../model/read';
import type { DiagramDocument } from '../model/types';

function checked(name: string, value: unknown): DiagramDocument {
  const r = checkDocument(value);
  if (!r.ok) throw new Error(`example ${name} does not read: ${JSON.stringify(r.errors)}`);
  return r.document;
}

const RAW: Record<string, unknown> = {
  consolidation,
  'dedicated-server': dedicatedServer,
  'mistake-service-on-hypervisor': mistakeServiceOnHypervisor,
  'mistake-two-oses': mistakeTwoOses,
  'mistake-type2-on-bare-metal': mistakeType2OnBareMetal,
  'nested-lab': nestedLab,
  'type1-esxi': type1Esxi,
  'type2-virtualbox': type2Virtualbox,
  'redundancy-consolidated-ha.en': redundancyConsolidatedHaEn,
  'redundancy-consolidated-ha.ko': redundancyConsolidatedHaKo,
  'redundancy-dedicated-8.en': redundancyDedicated8En,
  'redundancy-dedicated-8.ko': redundancyDedicated8Ko,
  'redundancy-ft-pair.en': redundancyFtPairEn,
  'redundancy-ft-pair.ko': redundancyFtPairKo,
  'redundancy-ha-capacity.en': redundancyHaCapacityEn,
  'redundancy-ha-capacity.ko': redundancyHaCapacityKo,
  'redundancy-ha-restart.en': redundancyHaRestartEn,
  'redundancy-ha-restart.ko': redundancyHaRestartKo
};

/**
 * Every shipped example, by file name without `.json` (the redundancy examples come in
 * two languages: `redundancy-ft-pair.en`, `redundancy-ft-pair.ko`); a fresh copy on each call.
 */
export function examples(): Record<string, DiagramDocument> {
  return Object.fromEntries(Object.entries(RAW).map(([k, v]) => [k, checked(k, v)]));
}

export function example(name: string): DiagramDocument {
  if (!Object.hasOwn(RAW, name)) throw new Error(`no example ${name}`);
  return checked(name, RAW[name]);
}
