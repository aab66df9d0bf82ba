import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useFieldArray, type ArrayPath, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

interface CompetencyShape {
  language: string;
  competencies: { code: string; title: string }[];
}

/** Language and competencies: the part of a course's form that creation and editing share. */
export function CourseCommonInputs<T extends FieldValues & CompetencyShape>({ form }: { form: UseFormReturn<T> }) {
  const { t } = useTranslation(['courses', 'common']);
  const competencies = useFieldArray({ control: form.control, name: 'competencies' as ArrayPath<T> });
  // Both forms have these fields; the casts only tell TypeScript so inside this generic component.
  const errors = form.formState.errors as FieldErrors<CompetencyShape>;
  const field = (name: string) => form.register(name as Path<T>);

  return (
    <>
      <NativeSelect
        label={t('create.language')}
        required
        error={errors.language?.message}
        data={[
          { value: 'fr', label: t('common:language.fr') },
          { value: 'en', label: t('common:language.en') },
        ]}
        {...field('language')}
      />
      <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <Text component="legend" fw={500}>
          {t('create.competencies')}
        </Text>
        {competencies.fields.map((item, index) => (
          <Group key={item.id} align="flex-start" wrap="nowrap">
            <TextInput
              label={t('create.competencyCode', { n: index + 1 })}
              required
              w={140}
              error={errors.competencies?.[index]?.code?.message}
              {...field(`competencies.${index}.code`)}
            />
            <TextInput
              label={t('create.competencyTitle', { n: index + 1 })}
              required
              style={{ flex: 1 }}
              error={errors.competencies?.[index]?.title?.message}
              {...field(`competencies.${index}.title`)}
            />
            <ActionIcon
              variant="default"
              size="lg"
              mt={28}
              onClick={() => competencies.remove(index)}
              aria-label={t('create.removeCompetency', { n: index + 1 })}
            >
              <span aria-hidden>×</span>
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          onClick={() => competencies.append({ code: '', title: '' } as Parameters<typeof competencies.append>[0])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('create.addCompetency')}
        </Button>
      </Stack>
    </>
  );
}
