// Sections of doc/validation.md written in words, placed before the list of cases by
// validationMarkdown() (models/validation/report.ts), so that `npm run validate` regenerates them with
// the rest. Their figures are quoted from the cases' run details: update them when those move.

export const VALIDATION_SECTIONS: readonly string[] = [
  `## The two views of ischaemic brain death (cases H1–H9)

The H cases test the brain-cell model (models/physiology/cells.ts) against the sources of doc/research-notes.md §9. Each runs a human-sized analogue of the experiment: the reference man; global no-flow by a VF arrest without compressions; reperfusion, cooling and rewarming on VA-ECMO or cardiopulmonary bypass. The parameter \`hypothesisBalance\` chooses the view: 0 is the essay’s (cells without energy lie dormant for hours and die when oxygen returns while they are warm enough to run their self-check), 1 is the conventional one (cells out of spec die of the warm ischaemia itself within minutes), and the default is 0.5. A source that supports one view is run at that end and says so in its method (H1, H2, H4–H7 and H9 at 0). For a source both views should reproduce (EPR, H3; TTM, H8) the model value is the worse of the two ends. The run details of every case give both ends and the default.

| case | source | balance 0 (essay) | default 0.5 | balance 1 (conventional) | reproduced by |
| --- | --- | --- | --- | --- | --- |
| H1a | Hossmann: dead at reflow after 1 h at 37 °C (≤ 0.8) | 0.130 | 0.691 | 1.000 | the essay’s view |
| H1b | Hossmann: energy 30 min after reflow (0.9–1) | 0.998 | 0.998 | 0.998 | both (energy ignores dead cells) |
| H1c | Hossmann: lost after warm reflow, damaged but not dead (0.2–0.85) | 0.910 | 0.960 | 1.000 | neither |
| H2 | BrainEx: dead at 4 h post mortem (≤ 0.7) | 0.229 | 0.889 | 1.000 | the essay’s view |
| H3a | EPR: 90 min at 10 °C (≤ 0.05) | 0.011 | 0.048 | 0.256 | the essay’s view only (expected: both) |
| H3b | EPR: 60 min at 20 °C (0.02–0.2) | 0.120 | 0.177 | 0.490 | the essay’s view and the default (expected: both) |
| H4a | Abella: intra-arrest ÷ normothermic (0.2–0.86) | 0.670 | 0.665 | 0.661 | both |
| H4b | Abella: delayed ÷ normothermic (0.7–1.43) | 1.000 | 1.000 | 1.000 | both |
| H5a | Kuboyama: immediate 34 °C ÷ normothermic (0.3–0.7) | 0.986 | 0.984 | 0.985 | neither |
| H5b | Kuboyama: delayed 34 °C ÷ normothermic (0.65–1.0) | 1.000 | 1.000 | 1.000 | neither, in effect (no benefit; at the range’s top) |
| H6a | Busto: 30 °C from 5 min ÷ normothermic (≤ 0.2) | 0.980 | 0.980 | 0.986 | neither |
| H6b | Busto: 30 °C from 30 min ÷ normothermic (0.8–1.2) | 1.000 | 1.000 | 1.000 | both |
| H7 | Borger, Grigore: slow ÷ fast rewarming after DHCA (0.5–0.9) | 0.395 | 0.589 | 0.957 | the default only |
| H8 | TTM: \\|33 °C − 36 °C\\| started 2 h after reflow (≤ 0.05) | 0.000 | 0.000 | 0.000 | both |
| H9 | Zhao: cold reflow at 9.5 min ÷ warm at 8 min (≤ 1) | 0.932 | 0.931 | 0.936 | both |

What the cases show, honestly:

- **Only the essay’s view reproduces the long-ischaemia sources.** After 1 h of warm no-flow (Hossmann) and 4 h post mortem (BrainEx) most cells are at risk but not dead at balance 0, and all are dead at balance 1. The EPR dogs’ intact recovery after 60–90 min of cold no-flow also holds only at balance 0 (H3a, H3b are known disagreements): at balance 1 the necrosis clock, 5 min at 37 °C, is only about 30 min at 20 °C and 100 min at 10 °C.
- **But warm reperfusion then kills nearly every cell at risk.** After Hossmann’s hour, the essay’s view loses 0.91 of the brain once oxygen returns at 37 °C (H1c, outside), where half the cats recovered EEG activity. After BrainEx’s 4 h, reperfusion at 37 °C loses 0.96 (run details of H2), and without any flow the cooled brain still has 0.64 of its cells at risk at 10 h, where the unperfused pig brains had disintegrated.
- **Cooling before oxygen helps under both views; mild cooling after it helps under neither.** Intra-arrest cooling (H4a) and Zhao’s cold reperfusion after more ischaemia (H9) are reproduced at both ends of the balance, so in the model they do not tell the views apart (at balance 1 most cells out of spec are still alive at an 8-min reflow, and they too face the self-check). Cooling to 34 or 30 °C started at or soon after reperfusion saves almost nothing (H5a, H5b, H6a, known disagreements), because it slows commitment (commitQ10 2.2) and repair (energyQ10 2.3) alike and the self-check is still about 97 % on at 30 °C and 99.8 % at 34 °C. With selfCheckHalfTempC at the top of its range (32 °C) intra-arrest cooling and Zhao’s test separate the views (0.28 and 0.40 at balance 0, 0.57 and 0.83 at balance 1), but Busto and Kuboyama still fail (0.59 and 0.91).
- **Rewarming rate after deep hypothermic arrest** matters too much under the essay’s view (H7: 0.40, range 0.5–0.9) and hardly at all under the conventional one (0.96); the default balance gives 0.59. The bypass patients of Borger and Grigore had no arrest, so the model’s version adds one (the project’s DHCA scenario).
- **Late cooling** (TTM, H8) changes nothing under either view: every cell’s fate is settled within about 2 h of warm reperfusion.`,
];
