import { describe, expect, it } from 'vitest';
import { statusTransitions } from '../coding/status.ts';
import { parseFramework } from '../framework/parse-framework.ts';
import v1 from '../framework/versions/v1.json' with { type: 'json' };
import { qcDefaults } from '../qc/types.ts';
import { gradeThresholds } from '../scoring/grades.ts';
import { datasetFormat } from './dataset.ts';
import { renderProtocolMarkdown } from './protocol.ts';

const framework = parseFramework(v1);

describe('coding protocol', () => {
  const md = renderProtocolMarkdown(framework);

  it('states the QC threshold and sample the code uses', () => {
    expect(qcDefaults).toEqual({ threshold: 0.05, sampleRate: 0.2 });
    expect(md).toContain('(default **5%**)');
    expect(md).toContain('(default **20%**)');
  });

  it('lists every area with its share and weights from the framework', () => {
    for (const a of framework.areas) {
      const sum = framework.indicators.filter((i) => i.area === a.id).reduce((s, i) => s + i.weight, 0);
      expect(md).toMatch(new RegExp(`\\| ${a.id} \\| [^\\n]* \\| ${a.share} \\| [^\\n]* \\| ${sum} \\|`));
    }
    expect(md).toContain('Area shares sum to 100.');
  });

  it('names the format, framework version, statuses, grade thresholds and modifier caps', () => {
    expect(md).toContain(`\`${datasetFormat}\``);
    expect(md).toContain(`\`${framework.id}\` version ${framework.version}`);
    expect(md).toContain('`suggested` → `coded` → `reviewed` → `published`');
    for (const t of statusTransitions) expect(md).toContain(`| ${t.from} | ${t.to} | \`${t.permission}\` |`);
    for (const g of gradeThresholds) expect(md).toContain(`| ${g.grade} | ${g.min} |`);
    for (const m of framework.negativeModifiers)
      expect(md).toMatch(new RegExp(`\\| ${m.id} \\| .* \\| C \\|`));
    expect(md).toContain('**verbatim quote**');
  });

  it('follows a changed framework (generated, not written by hand)', () => {
    const [first, second, ...rest] = framework.areas;
    const shifted = {
      ...framework,
      version: 99,
      areas: [{ ...first!, share: first!.share + 1 }, { ...second!, share: second!.share - 1 }, ...rest],
    };
    const other = renderProtocolMarkdown(shifted);
    expect(other).toContain('version 99');
    expect(other).toMatch(new RegExp(`\\| ${first!.id} \\| [^\\n]* \\| ${first!.share + 1} \\|`));
  });
});
