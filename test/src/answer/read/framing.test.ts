import { describe, expect, it } from 'vitest';
import { withoutFraming } from '../../../../src/answer/read/framing.js';

describe('withoutFraming', () => {
  it('takes off who asks for whom', () => {
    expect(withoutFraming('我是村里的法律明白人,邻居的树根把墙顶歪了怎么办')).toBe('邻居的树根把墙顶歪了怎么办');
    expect(withoutFraming('有村民反映:工地欠了三个月工资')).toBe('工地欠了三个月工资');
    expect(withoutFraming('帮我妈问一下')).toBeUndefined();
    expect(withoutFraming('帮邻居问下 离婚去哪里办')).toBe('离婚去哪里办');
  });
  it('leaves a message with no frame, or with little after it', () => {
    expect(withoutFraming('法律援助去哪里申请')).toBeUndefined();
    expect(withoutFraming('我是法律明白人')).toBeUndefined();
  });
});
