import { useMemo } from 'react';
import { useGallery } from '../labContext';
import { checkGalleryForm } from '../../state/galleryForm';

/** The form's request and problems, recomputed only when the form changes. */
export function useGalleryCheck() {
  const form = useGallery((s) => s.form);
  return useMemo(() => checkGalleryForm(form), [form]);
}
