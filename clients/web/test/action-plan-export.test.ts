import { describe, expect, it, vi } from 'vitest';
import { planExportFiles } from '../src/activities/action-plan/exportCsv';

// The texts' module (i18n.ts) reads the page's language from localStorage and writes it on the
// document when loaded: both are faked before any import (as in zip-export.test.ts).
vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: () => 'en', setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: { lang: 'en' } });
});

describe('the action plans’ file in the console’s zip', () => {
  it('writes one row per step, a plan without steps on one row, in the workshop’s language', () => {
    const exported = JSON.stringify({
      agenda: { items: [{ title: 'Bienvenida' }, { title: 'Plan de acción' }] },
      action_plans: [
        { item: 1, group: 2, objective: { text: 'Menos papel, más "datos"' } },
        {
          item: 1,
          group: 1,
          objective: { text: 'Atender en línea' },
          rows: [
            { id: 4, steps: { text: 'Mapear' }, due_date: { text: '2027-03-15' } },
            { id: 5, responsible: { text: 'Ana, Beto' } },
          ],
        },
      ],
    });
    const [file, ...rest] = planExportFiles(exported, 'es');
    expect(rest).toEqual([]);
    expect(file?.name).toBe('action-plans.csv');
    const lines = String(file?.content)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'Plan de acción,Grupo,Objetivo,#,Pasos a seguir,Responsables,Recursos necesarios,Indicadores de avance,Fecha de finalización,Evidencia de éxito',
      'Plan de acción,Grupo 1,Atender en línea,1,Mapear,,,,2027-03-15,',
      'Plan de acción,Grupo 1,Atender en línea,2,,"Ana, Beto",,,,',
      'Plan de acción,Grupo 2,"Menos papel, más ""datos""",,,,,,,',
    ]);
    expect(planExportFiles('{}', 'en')).toEqual([]);
  });
});
