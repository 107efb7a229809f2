/**
 * The reference m and u per resource type, feature and level that a new estimate starts from
 * (link-model.ts estimateModel's `prior`): the model estimated on the generated corpus by
 * `node tests/bench/linking.bench.ts --projects 2000 --seed 7 --store server` 
 * (meeting 2768 labelled, 15000 random pairs; document 3000 labelled, 15000 random pairs; petition 169 labelled, 15000 random pairs), of feature set 8.
 * A hub's own pairs update it as pseudo-counts, so a small hub (a few dozen projects, few
 * labelled links) is not left with weights from a handful of pairs, and a large one soon
 * outweighs it. Regenerate when features or levels change (FEATURE_SET).
 */
import type { ModelPrior } from './link-model.ts';

export const PRIOR_FEATURE_SET: number = 8;

export const MODEL_PRIOR: ModelPrior = {
  petition: {
    key: { none: { m: 0.9241, u: 1 }, doc_no: { m: 0.00001781, u: 3.497e-7 }, project_no: { m: 0.06744, u: 0.000001254 }, certificate: { m: 0.008443, u: 3.584e-8 } },
    name: { most: { m: 0.05841, u: 0.0001117 }, near: { m: 0.03718, u: 0.00004703 }, none: { m: 0.1222, u: 0.9953 }, some: { m: 0.04792, u: 0.002193 }, whole: { m: 0.1022, u: 0.0001558 }, common: { m: 0.2619, u: 0.00224 }, unique: { m: 0.3701, u: 0.00001459 } },
    alias: { also: { m: 0.01064, u: 3.584e-8 }, none: { m: 0.9894, u: 1 } },
    role: { body: { m: 0.006039, u: 0.00184 }, none: { m: 0.1381, u: 0.996 }, heading: { m: 0.8558, u: 0.002169 } },
    brand: { none: { m: 0.7039, u: 0.9959 }, short: { m: 0.02658, u: 0.0001829 }, whole: { m: 0.2695, u: 0.003873 }, absent: { m: 0.00001781, u: 3.497e-7 } },
    road: { one: { m: 0.1656, u: 0.007105 }, two: { m: 0.09348, u: 0.0001688 }, none: { m: 0.7276, u: 0.9469 }, absent: { m: 0.0134, u: 0.04582 } },
    street: { none: { m: 0.5205, u: 0.8011 }, agree: { m: 0.3445, u: 0.001956 }, absent: { m: 0.135, u: 0.197 } },
    plot: { agree: { m: 0.02188, u: 0.0001886 }, disagree: { m: 0.00001781, u: 0.0005163 }, not_stated: { m: 0.9781, u: 0.9993 } },
    phase: { agree: { m: 0.01637, u: 0.0001524 }, disagree: { m: 0.00001781, u: 0.00008968 }, not_stated: { m: 0.9836, u: 0.9998 } },
    district: { agree: { m: 0.5485, u: 0.04051 }, differs: { m: 0.000196, u: 0.4228 }, not_stated: { m: 0.4513, u: 0.5367 } },
    kind: { agree: { m: 0.4561, u: 0.07899 }, differs: { m: 0.02125, u: 0.1617 }, not_stated: { m: 0.5227, u: 0.7593 } },
    when: { after: { m: 0.00001781, u: 0.2869 }, before: { m: 0.00001781, u: 0.3552 }, during: { m: 0.9999, u: 0.3579 }, not_stated: { m: 0.00001781, u: 3.497e-7 } },
    office: { agree: { m: 0.4831, u: 0.04257 }, differs: { m: 0.00001781, u: 0.5005 }, not_stated: { m: 0.5169, u: 0.4569 } },
  },
  document: {
    key: { none: { m: 0.3135, u: 1 }, doc_no: { m: 0.000001115, u: 3.58e-7 }, project_no: { m: 0.5294, u: 0.0001233 }, certificate: { m: 0.1572, u: 3.584e-8 } },
    name: { most: { m: 0.00001337, u: 0.00027 }, near: { m: 0.000008913, u: 0.000001071 }, none: { m: 0.00003231, u: 0.9812 }, some: { m: 0.00001894, u: 0.01571 }, whole: { m: 0.1167, u: 0.0002751 }, common: { m: 0.1684, u: 0.002606 }, unique: { m: 0.7149, u: 0.00002749 } },
    alias: { also: { m: 0.000003345, u: 3.569e-7 }, none: { m: 1, u: 1 } },
    role: { body: { m: 0.001702, u: 0.0163 }, none: { m: 0.00003568, u: 0.9825 }, heading: { m: 0.9983, u: 0.001236 } },
    brand: { none: { m: 0.02551, u: 0.9786 }, short: { m: 0.000007803, u: 0.000002506 }, whole: { m: 0.9745, u: 0.02138 }, absent: { m: 0.000001115, u: 3.58e-7 } },
    road: { one: { m: 0.2604, u: 0.02964 }, two: { m: 0.7052, u: 0.001138 }, none: { m: 0.0001683, u: 0.9191 }, absent: { m: 0.03428, u: 0.05007 } },
    street: { none: { m: 0.0001215, u: 0.7982 }, agree: { m: 0.8169, u: 0.004671 }, absent: { m: 0.183, u: 0.1971 } },
    plot: { agree: { m: 0.2176, u: 0.00421 }, disagree: { m: 0.000001115, u: 0.008516 }, not_stated: { m: 0.7824, u: 0.9873 } },
    phase: { agree: { m: 0.1557, u: 0.005973 }, disagree: { m: 0.000001115, u: 0.003079 }, not_stated: { m: 0.8443, u: 0.9909 } },
    district: { agree: { m: 0.9999, u: 0.08758 }, differs: { m: 0.00001226, u: 0.8932 }, not_stated: { m: 0.00009588, u: 0.01921 } },
    kind: { agree: { m: 0.8256, u: 0.02991 }, differs: { m: 0.000005575, u: 0.02663 }, not_stated: { m: 0.1744, u: 0.9435 } },
    when: { after: { m: 0.000001115, u: 0.2129 }, before: { m: 0.000001115, u: 0.4413 }, during: { m: 1, u: 0.3458 }, not_stated: { m: 0.000001115, u: 3.58e-7 } },
    office: { agree: { m: 0.0001026, u: 0.0004708 }, differs: { m: 0.000001115, u: 0.005501 }, not_stated: { m: 0.9999, u: 0.994 } },
  },
  meeting: {
    key: { none: { m: 0.2061, u: 1.001 }, doc_no: { m: 0.000001207, u: 3.571e-7 }, project_no: { m: 0.7933, u: 0.00007222 }, certificate: { m: 0.0005723, u: 3.584e-8 } },
    name: { most: { m: 0.00001448, u: 0.000658 }, near: { m: 0.000009655, u: 0.000001062 }, none: { m: 0.001828, u: 0.9737 }, some: { m: 0.002531, u: 0.02018 }, whole: { m: 0.1167, u: 0.0004738 }, common: { m: 0.1763, u: 0.005001 }, unique: { m: 0.7026, u: 0.0001114 } },
    alias: { also: { m: 0.000003624, u: 3.532e-7 }, none: { m: 1, u: 1 } },
    role: { body: { m: 0.0126, u: 0.02115 }, none: { m: 0.001832, u: 0.9774 }, heading: { m: 0.9856, u: 0.001419 } },
    brand: { none: { m: 0.03516, u: 0.9368 }, short: { m: 0.0003671, u: 0.000001929 }, whole: { m: 0.9645, u: 0.06322 }, absent: { m: 0.000001207, u: 3.571e-7 } },
    road: { one: { m: 0.2759, u: 0.08482 }, two: { m: 0.7004, u: 0.005175 }, none: { m: 0.004845, u: 0.8617 }, absent: { m: 0.01884, u: 0.04831 } },
    street: { none: { m: 0.003718, u: 0.7869 }, agree: { m: 0.8257, u: 0.01529 }, absent: { m: 0.1706, u: 0.1978 } },
    plot: { agree: { m: 0.2074, u: 0.002911 }, disagree: { m: 0.000001208, u: 0.01544 }, not_stated: { m: 0.7926, u: 0.9817 } },
    phase: { agree: { m: 0.1629, u: 0.004148 }, disagree: { m: 0.000001208, u: 0.002897 }, not_stated: { m: 0.8371, u: 0.993 } },
    district: { agree: { m: 0.9963, u: 0.2289 }, differs: { m: 0.0036, u: 0.765 }, not_stated: { m: 0.0001039, u: 0.006052 } },
    kind: { agree: { m: 0.8175, u: 0.0347 }, differs: { m: 0.000006038, u: 0.03423 }, not_stated: { m: 0.1825, u: 0.9311 } },
    when: { after: { m: 0.000001207, u: 0.2232 }, before: { m: 0.000001207, u: 0.4374 }, during: { m: 1, u: 0.3395 }, not_stated: { m: 0.000001207, u: 3.571e-7 } },
    office: { agree: { m: 0.0001111, u: 0.0004712 }, differs: { m: 0.000001208, u: 0.005506 }, not_stated: { m: 0.9999, u: 0.994 } },
  },
};
