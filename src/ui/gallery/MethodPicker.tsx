import { METHOD_IDS, methodInfo, type MethodId } from '../../engine/attribution/catalog';
import { useShallow } from 'zustand/react/shallow';
import { useCommands, useGallery } from '../labContext';
import type { GalleryErrors } from '../../state/galleryForm';
import { MethodParams } from './MethodParams';

function MethodOption({ id }: { id: MethodId }) {
  const e = methodInfo(id);
  const selected = useGallery((s) => s.form.methods[id].selected);
  const lab = useCommands();
  return (
    <div className={selected ? 'gallery-method gallery-method-on' : 'gallery-method'}>
      <div className="gallery-check">
        <label>
          <input type="checkbox" name={`gallery-method-${id}`} checked={selected} onChange={(ev) => lab.selectGalleryMethod(id, ev.target.checked)} />
          <strong>{e.label}</strong>
        </label>
        <span className="gallery-tag" title={e.signed ? 'The sign matters: a diverging colour scale' : 'Only the size matters: a sequential colour scale'}>
          {e.signed ? 'signed' : 'magnitude'}
        </span>
      </div>
      <p className="gallery-summary muted">{e.summary}</p>
      <details>
        <summary>What it computes</summary>
        <p>{e.description}</p>
      </details>
    </div>
  );
}

/**
 * Every attribution method, to tick (the ticked ones become the grid's rows, in this order), then the
 * parameters of the ticked ones that have any, kept apart so that ticking never reflows the list.
 */
export function MethodPicker({ errors }: { errors: GalleryErrors }) {
  const withParams = useGallery(useShallow((s) => METHOD_IDS.filter((id) => s.form.methods[id].selected && Object.keys(methodInfo(id).fields).length > 0)));
  return (
    <fieldset className="gallery-fieldset">
      <legend>Methods</legend>
      <div className="gallery-methods">
        {METHOD_IDS.map((id) => (
          <MethodOption key={id} id={id} />
        ))}
      </div>
      {errors.methods ? (
        <small className="error" role="alert">
          {errors.methods}
        </small>
      ) : null}
      {withParams.map((id) => (
        <MethodParams key={id} id={id} error={errors[`method.${id}`]} />
      ))}
    </fieldset>
  );
}
