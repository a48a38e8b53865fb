// Grafana's annotations HTTP API, as documented (grafana.com/docs, "Annotations HTTP API"):
// `POST /api/annotations` with `time` (and `timeEnd` for a region), `tags` and `text`, answered
// with `{ id }`; `PATCH /api/annotations/{id}` changes some fields of one; `GET /api/annotations`
// with `tags` repeated (every tag must match) and `type=annotation` lists organisation annotations
// as an array of `{ id, time, timeEnd, text, tags, … }`; `DELETE /api/annotations/{id}` removes one.
// A service-account token goes in `Authorization: Bearer`. No dashboardUID: organisation-wide annotations, shown on every
// dashboard that lists the `warroom` tag.
import { ApiError, requestJson } from '../alerts/http-json.js';

/** Default request deadline: annotations are never urgent, but a hung request holds the queue. */
export const GRAFANA_TIMEOUT_MS = 10_000;

/** One annotation as posted. */
export interface Annotation {
  /** Epoch ms. */
  time: number;
  /** Epoch ms; with it the annotation is a region. */
  timeEnd?: number;
  tags: string[];
  text: string;
}

/** What an annotator needs of Grafana. */
export interface AnnotationApi {
  /** Creates an annotation; returns Grafana's id for it. */
  create(annotation: Annotation): Promise<number>;
  /** Changes fields of an existing annotation. */
  patch(id: number, fields: Partial<Annotation>): Promise<void>;
  /** Ids of the annotations (not alert annotations) carrying every one of `tags`. */
  find(tags: readonly string[]): Promise<number[]>;
  /** Deletes an annotation; one already gone is not an error. */
  remove(id: number): Promise<void>;
}

/** Most annotations one look-up reads (Grafana's own default is 100). */
const FIND_LIMIT = 100;

/** Talks to one Grafana with one token. */
export class GrafanaClient implements AnnotationApi {
  private readonly base: string;

  constructor(url: string, private readonly token: string, private readonly timeoutMs = GRAFANA_TIMEOUT_MS) {
    this.base = url.replace(/\/+$/, '');
  }

  async create(annotation: Annotation): Promise<number> {
    const body = await requestJson(`${this.base}/api/annotations`, { method: 'POST', body: annotation, headers: this.headers(), timeoutMs: this.timeoutMs });
    const id = (body as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new ApiError('Grafana did not say the annotation id');
    return id;
  }

  async patch(id: number, fields: Partial<Annotation>): Promise<void> {
    await requestJson(`${this.base}/api/annotations/${id}`, { method: 'PATCH', body: fields, headers: this.headers(), timeoutMs: this.timeoutMs });
  }

  async find(tags: readonly string[]): Promise<number[]> {
    const query = new URLSearchParams([...tags.map((tag) => ['tags', tag]), ['type', 'annotation'], ['limit', String(FIND_LIMIT)]]);
    const body = await requestJson(`${this.base}/api/annotations?${query}`, { method: 'GET', headers: this.headers(), timeoutMs: this.timeoutMs });
    if (!Array.isArray(body)) throw new ApiError('Grafana did not answer with a list of annotations');
    return body.map((item) => (item as { id?: unknown } | null)?.id).filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id));
  }

  async remove(id: number): Promise<void> {
    try {
      await requestJson(`${this.base}/api/annotations/${id}`, { method: 'DELETE', headers: this.headers(), timeoutMs: this.timeoutMs });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }
}
