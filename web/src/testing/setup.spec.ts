// The shared set-up closes Element Plus messages between tests, so none outlives its spec file
// (see setup.ts). The message is opened through the full 'element-plus' import, as the views do.
import { ElMessage } from 'element-plus'
import { expect, it } from 'vitest'

it('opens a message that would stay open forever', () => {
  ElMessage({ message: 'x', duration: 0 })
  expect(document.querySelectorAll('.el-message')).toHaveLength(1)
})

it('finds that message closed by the set-up after the test before', async () => {
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(document.querySelectorAll('.el-message')).toHaveLength(0)
})
