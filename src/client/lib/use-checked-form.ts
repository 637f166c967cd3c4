// The one way Hearth's forms decide WHEN to show a field's error (decision 0177): not while the
// shopper only passes through a field (Tab past an empty form to reach the next card), but once
// they submit, or once they have typed in a field and leave it. After that, an error clears or
// updates as they type. react-hook-form's 'onTouched' shows "Enter your password" on the first
// blur of an untouched empty field, which turned forms red that nobody meant to fill.
// A submit with errors focuses the first invalid field in page order.
import { useEffect } from 'react';
import {
  type FieldValues,
  type Path,
  type UseFormProps,
  type UseFormRegister,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';

type Options<T extends FieldValues, C, O> = Omit<UseFormProps<T, C, O>, 'mode' | 'reValidateMode'>;

export function useCheckedForm<T extends FieldValues, C = unknown, O = T>(
  options: Options<T, C, O>,
): UseFormReturn<T, C, O> {
  // Before the first submit the library checks nothing; after it, every change re-checks.
  const form = useForm<T, C, O>({ ...options, mode: 'onSubmit', reValidateMode: 'onChange' });
  // Read during render so the library keeps dirtyFields current (it tracks only what is read).
  void form.formState.dirtyFields;
  const submitCount = form.formState.submitCount;
  useEffect(() => {
    if (submitCount === 0) return;
    // react-hook-form focuses the first invalid field in the order fields registered, not page
    // order: a Controller registers when it renders, after the inputs its parent registered inline
    // (the review form's star rating came after its text box). Once its own focus and deferred retry
    // are done (this timer runs after that one), an invalid field it focused gives way to the first
    // invalid field above it.
    const timer = setTimeout(() => {
      const active = document.activeElement;
      if (active?.getAttribute('aria-invalid') !== 'true') return;
      const first = active.closest('form')?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (first && first !== active) first.focus();
    });
    return () => clearTimeout(timer);
  }, [submitCount]);

  const register: UseFormRegister<T> = (name, registerOptions) => {
    const field = form.register(name, registerOptions);
    return {
      ...field,
      onChange: async (event) => {
        const result = await field.onChange(event);
        // An error shown on leaving the field follows the typing until it is put right.
        if (!form.formState.isSubmitted && form.getFieldState(name).error) await form.trigger(name);
        // After a submit the library re-checks only the field that changed, but a change can settle
        // another field's error (a country that needs no region): re-check the others in error.
        // A server's error stays until that field changes or the form is sent again.
        if (form.formState.isSubmitted) {
          const others = Object.entries(form.formState.errors)
            .filter(([other, error]) => other !== name && other !== 'root' && error?.type !== 'server')
            .map(([other]) => other as Path<T>);
          if (others.length > 0) await form.trigger(others);
        }
        return result;
      },
      onBlur: async (event) => {
        const result = await field.onBlur(event);
        // Typed in (the value differs from where it started) and left: check it now.
        if (!form.formState.isSubmitted && form.getFieldState(name).isDirty) await form.trigger(name);
        return result;
      },
    };
  };
  return { ...form, register };
}
