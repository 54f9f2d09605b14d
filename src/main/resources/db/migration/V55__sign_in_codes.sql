-- 短信验证码登录: a resident signs in with a code sent to the mobile number on their account, kept
-- like the codes of sign-up and password reset.
ALTER TABLE verification_code DROP CONSTRAINT verification_code_purpose_ck;
ALTER TABLE verification_code ADD CONSTRAINT verification_code_purpose_ck
    CHECK (purpose IN ('SIGN_UP', 'PASSWORD_RESET', 'SIGN_IN'));
