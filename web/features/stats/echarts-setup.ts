/**
 * ECharts with only the charts and parts 统计 and 流程分析 draw, on canvas. Loaded by a dynamic
 * import from echart.tsx, so no other page carries it, and these named imports let the bundler
 * leave out every chart type the pages do not use.
 */
import { BarChart, GraphChart, HeatmapChart, LineChart } from 'echarts/charts';
// The plain legend and the continuous visual map are the only kinds drawn (no scrolling legend, no pieces).
import { GridComponent, LegendPlainComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, HeatmapChart, GraphChart, GridComponent, TooltipComponent, LegendPlainComponent, VisualMapContinuousComponent, CanvasRenderer]);

export { init };
