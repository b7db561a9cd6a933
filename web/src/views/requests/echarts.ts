// The parts of Apache ECharts the service dashboard uses: the coverage pages' bars, grid, tooltip
// and legend, plus the pie for satisfaction. Registered once, on canvas.
import { PieChart } from 'echarts/charts'
import { use } from 'echarts/core'
import '../coverage/echarts'

use([PieChart])
