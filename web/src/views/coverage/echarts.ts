// The parts of Apache ECharts the coverage pages use, registered once: bar charts on canvas with
// grid, tooltip and legend. Importing only these keeps the chart chunk small.
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { use } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'

use([CanvasRenderer, BarChart, GridComponent, TooltipComponent, LegendComponent])
