// A Yjs client from npm (yjs + y-websocket), as a browser would join: reads the cards, adds one.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

const [address, code] = process.argv.slice(2)
const doc = new Y.Doc()
const provider = new WebsocketProvider(`ws://${address}`, 'map', doc, {
  WebSocketPolyfill: WebSocket,
  params: { code },
})
const give_up = setTimeout(() => { console.error('no sync'); process.exit(2) }, 30000)
provider.on('sync', (synced) => {
  if (!synced) return
  clearTimeout(give_up)
  const cards = doc.getMap('cards')
  const titles = [...cards.values()].map((c) => c.get('title')).sort()
  console.log(JSON.stringify({ count: cards.size, titles }))
  const stage = [...doc.getMap('stages').keys()].sort()[0]
  const lane = [...doc.getMap('lanes').keys()].sort()[0]
  const card = new Y.Map()
  card.set('id', 'from-node')
  card.set('stage', stage)
  card.set('lane', lane)
  card.set('order', 'Zz')
  card.set('kind', 'note')
  card.set('title', 'Added from Node')
  cards.set('from-node', card)
  setTimeout(() => { provider.destroy(); process.exit(0) }, 1500)
})
