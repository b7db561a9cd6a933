// Saves a file the API answered with (e.g. an export made by POST) under its server-given name:
// the browser's own download, through a temporary object URL.
import type { FileAnswer } from '@/api/request'

export function saveFile(answer: FileAnswer, fallbackName: string): void {
  const url = URL.createObjectURL(answer.blob)
  const link = document.createElement('a')
  link.href = url
  link.download = answer.fileName ?? fallbackName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Give the browser time to start reading the blob before it goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
