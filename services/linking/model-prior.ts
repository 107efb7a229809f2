/**
 * The reference m and u per resource type, feature and level that a new estimate starts from
 * (link-model.ts estimateModel's `prior`): the model estimated on the generated corpus by
 * `node tests/bench/linking.bench.ts --projects 2000 --seed 7 --store server` 
 * (meeting 2822 labelled, 35400 random pairs; document 3000 labelled, 60000 random pairs; petition 117 labelled, 60000 random pairs), of feature set 6.
 * A hub's own pairs update it as pseudo-counts, so a small hub (a few dozen projects, few
 * labelled links) is not left with weights from a handful of pairs, and a large one soon
 * outweighs it. Regenerate when features or levels change (FEATURE_SET).
 */
import type { ModelPrior } from './link-model.ts';

export const PRIOR_FEATURE_SET: number = 6;

export const MODEL_PRIOR: ModelPrior = {
  petition: {
    key: { none: { m: 0.8933, u: 1 }, doc_no: { m: 0.00002456, u: 1.432e-8 }, project_no: { m: 0.09501, u: 3.217e-7 }, certificate: { m: 0.01164, u: 2.925e-8 } },
    name: { most: { m: 0.06594, u: 0.001218 }, near: { m: 0.02932, u: 0.0001516 }, none: { m: 0.1466, u: 0.9936 }, some: { m: 0.0001473, u: 0.002529 }, whole: { m: 0.1047, u: 0.0001652 }, common: { m: 0.2886, u: 0.002382 }, unique: { m: 0.3648, u: 0.00001856 } },
    alias: { also: { m: 0.022, u: 2.659e-9 }, none: { m: 0.978, u: 1 } },
    role: { body: { m: 0.008429, u: 0.007714 }, none: { m: 0.1319, u: 0.9884 }, heading: { m: 0.8597, u: 0.003931 } },
    brand: { none: { m: 0.652, u: 0.9942 }, short: { m: 0.02934, u: 0.00008489 }, whole: { m: 0.3186, u: 0.005669 }, absent: { m: 0.00002456, u: 1.432e-8 } },
    road: { one: { m: 0.2578, u: 0.006484 }, two: { m: 0.1158, u: 0.0001747 }, none: { m: 0.5934, u: 0.9449 }, absent: { m: 0.03303, u: 0.04841 } },
    street: { none: { m: 0.4396, u: 0.8013 }, agree: { m: 0.4106, u: 0.003031 }, absent: { m: 0.1499, u: 0.1957 } },
    plot: { agree: { m: 0.02995, u: 0.00009705 }, disagree: { m: 0.00002457, u: 0.0005686 }, not_stated: { m: 0.97, u: 0.9993 } },
    phase: { agree: { m: 0.02312, u: 0.0001058 }, disagree: { m: 0.00002457, u: 0.0001669 }, not_stated: { m: 0.9769, u: 0.9997 } },
    district: { agree: { m: 0.5092, u: 0.04105 }, differs: { m: 0.0001228, u: 0.4462 }, not_stated: { m: 0.4907, u: 0.5128 } },
    kind: { agree: { m: 0.4941, u: 0.05818 }, differs: { m: 0.01477, u: 0.1361 }, not_stated: { m: 0.4912, u: 0.8057 } },
  },
  document: {
    key: { none: { m: 0.3137, u: 1 }, doc_no: { m: 0.000001114, u: 2.602e-8 }, project_no: { m: 0.5291, u: 0.00002346 }, certificate: { m: 0.1572, u: 0.000008294 } },
    name: { most: { m: 0.00001114, u: 0.005881 }, near: { m: 0.000005569, u: 0.000034 }, none: { m: 0.00002562, u: 0.9732 }, some: { m: 0.000006683, u: 0.01812 }, whole: { m: 0.118, u: 0.0001557 }, common: { m: 0.1677, u: 0.00267 }, unique: { m: 0.7142, u: 0.00003179 } },
    alias: { also: { m: 0.000004459, u: 2.427e-8 }, none: { m: 1, u: 1 } },
    role: { body: { m: 0.001376, u: 0.02096 }, none: { m: 0.00002118, u: 0.9771 }, heading: { m: 0.9986, u: 0.001937 } },
    brand: { none: { m: 0.0001081, u: 0.9712 }, short: { m: 0.000006686, u: 3.424e-7 }, whole: { m: 0.9999, u: 0.02877 }, absent: { m: 0.000001114, u: 2.602e-8 } },
    road: { one: { m: 0.259, u: 0.02897 }, two: { m: 0.7076, u: 0.001202 }, none: { m: 0.00009806, u: 0.9202 }, absent: { m: 0.03329, u: 0.04967 } },
    street: { none: { m: 0.00007356, u: 0.7994 }, agree: { m: 0.817, u: 0.005074 }, absent: { m: 0.183, u: 0.1955 } },
    plot: { agree: { m: 0.2176, u: 0.003075 }, disagree: { m: 0.000001115, u: 0.0389 }, not_stated: { m: 0.7824, u: 0.958 } },
    phase: { agree: { m: 0.154, u: 0.004483 }, disagree: { m: 0.000001115, u: 0.008717 }, not_stated: { m: 0.846, u: 0.9868 } },
    district: { agree: { m: 0.9999, u: 0.08557 }, differs: { m: 0.000005573, u: 0.8967 }, not_stated: { m: 0.00007579, u: 0.01771 } },
    kind: { agree: { m: 0.7459, u: 0.01097 }, differs: { m: 0.0006701, u: 0.01885 }, not_stated: { m: 0.2534, u: 0.9702 } },
  },
  meeting: {
    key: { none: { m: 0.1919, u: 1 }, doc_no: { m: 0.000001184, u: 4.299e-8 }, project_no: { m: 0.8075, u: 0.0001287 }, certificate: { m: 0.0005613, u: 4.929e-8 } },
    name: { most: { m: 0.00001184, u: 0.01101 }, near: { m: 0.000005918, u: 0.0001411 }, none: { m: 0.000731, u: 0.9562 }, some: { m: 0.001766, u: 0.02589 }, whole: { m: 0.1162, u: 0.0004045 }, common: { m: 0.181, u: 0.006317 }, unique: { m: 0.7002, u: 0.0001148 } },
    alias: { also: { m: 0.000004738, u: 3.732e-8 }, none: { m: 1, u: 1 } },
    role: { body: { m: 0.01413, u: 0.03669 }, none: { m: 0.0000225, u: 0.9612 }, heading: { m: 0.9858, u: 0.002073 } },
    brand: { none: { m: 0.002578, u: 0.9345 }, short: { m: 0.000359, u: 5.825e-8 }, whole: { m: 0.9971, u: 0.06549 }, absent: { m: 0.000001184, u: 4.299e-8 } },
    road: { one: { m: 0.2732, u: 0.08697 }, two: { m: 0.7065, u: 0.005151 }, none: { m: 0.002215, u: 0.8602 }, absent: { m: 0.01813, u: 0.04763 } },
    street: { none: { m: 0.001837, u: 0.7871 }, agree: { m: 0.8273, u: 0.01625 }, absent: { m: 0.1708, u: 0.1966 } },
    plot: { agree: { m: 0.2002, u: 0.005179 }, disagree: { m: 0.000001184, u: 0.05496 }, not_stated: { m: 0.7998, u: 0.9399 } },
    phase: { agree: { m: 0.1693, u: 0.01476 }, disagree: { m: 0.000001184, u: 0.02162 }, not_stated: { m: 0.8307, u: 0.9636 } },
    district: { agree: { m: 0.9985, u: 0.2449 }, differs: { m: 0.001413, u: 0.7522 }, not_stated: { m: 0.00008053, u: 0.002862 } },
    kind: { agree: { m: 0.7339, u: 0.0119 }, differs: { m: 0.000712, u: 0.02729 }, not_stated: { m: 0.2654, u: 0.9608 } },
  },
};
