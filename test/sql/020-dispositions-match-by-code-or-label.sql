begin;
select plan(7);

select is((dialbridge.find_disposition_mapping('INTERESTED', null)).phoneburner_disposition_code, 'INTERESTED',
  'a seed-contract code matches its mapping');
select is((dialbridge.find_disposition_mapping(' interested ', null)).phoneburner_disposition_code, 'INTERESTED',
  'codes match case- and space-insensitively');
select is((dialbridge.find_disposition_mapping(null, 'interested -  SEND information')).phoneburner_disposition_code, 'INTERESTED',
  'a label matches case-, space- and punctuation-insensitively');
select is((dialbridge.find_disposition_mapping(null, 'Left Message')).phoneburner_disposition_code, 'LEFT_VOICEMAIL',
  'a real PhoneBurner label matches through an alias');
select is((dialbridge.find_disposition_mapping('INTERESTED_SEND_INFO', 'Interested - Send Information')).phoneburner_disposition_code, 'INTERESTED',
  'an unknown code still matches by its label (seed 001''s flat example)');
select is((dialbridge.find_disposition_mapping('SOMETHING_NEW', 'Totally new outcome')).id, null,
  'an unknown disposition matches nothing');
update public.disposition_mappings set is_active = false where phoneburner_disposition_code = 'HOT_LEAD';
select is((dialbridge.find_disposition_mapping('HOT_LEAD', null)).id, null,
  'an inactive mapping never matches');

select * from finish();
rollback;
